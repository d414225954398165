## atelier suggest (the command line)

suggest-cli-header = { $n ->
    [0] No suggestion
    [one] 1 suggestion
   *[other] { $n } suggestions
} for { $scope } ({ $stickies ->
    [one] 1 sticky
   *[other] { $stickies } stickies
}), threshold { $threshold }

# The lab's thesaurus (suggest/*.txt) and word vectors (suggest/*.vec) in
# the config folder: a line that cannot be read ($problem: file:line:column
# and what), a broader concept no concept has.
lab-file-left-out = { $problem } (file left out)
lab-no-concept = { $dir }: no concept { $id } (in { $concept })
lab-file-expected-ids = expected concept ids, found `{ $found }`
lab-file-expected-weight = expected a weight from 0 to 2, found `{ $found }`
lab-file-expected-line = expected `[id]` or `key: values`
lab-file-expected-concept = expected a concept (`[id]`) before `{ $key }:`
lab-file-unknown-key = unknown key `{ $key }`: expected fr, en, any, label, in or weight
lab-file-stop-key = the stop words take fr, en or any, not `{ $key }`
lab-file-expected-bracket = expected `]` closing the concept id
lab-file-expected-id = expected a concept id of lowercase letters, digits and hyphens, found `{ $found }`
lab-file-expected-number = expected a number, found `{ $found }`
lab-file-expected-vector = expected a word followed by numbers
lab-file-expected-dimension = expected { $n } numbers after the word, found { $found }
