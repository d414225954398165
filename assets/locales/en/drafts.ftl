# Drafts: text left in a field with Esc is kept (src/app/drafts.rs).

# $key: the key that opens the field again, with the text in it.
draft-kept = Draft kept: { $key } to continue.
draft-kept-no-key = Draft kept.
# Reviewing: drafts are kept in the reviewer's own folder; this says why not.
drafts-not-kept = Drafts could not be kept on disk ({ $error }); they stay in memory.
# Help: E on the facilitation screen (a draft of these fields is continued with it too).
action-edit-prototype = edit what the prototype tests, then its hypothesis
