## Anonymized exports (src/export/anonymize.rs, docs/anonymize.md)

# Put in place of a social-network handle (@name) or a link to a profile.
anonymize-redacted-handle = [handle]
# An action's owner, when it names several people of the workshop.
anonymize-owner-several = several people
# An action's owner, when it names someone of the workshop who cannot be told apart (a first name two people share).
anonymize-owner-someone = someone in the workshop
# An action's owner, when it names no one of the workshop (a department, an absent person).
anonymize-owner-other = outside the workshop
