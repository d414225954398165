## atelier suggest (the command line)

suggest-cli-header = { $n ->
    [0] No suggestion
    [one] 1 suggestion
   *[other] { $n } suggestions
} for { $scope } ({ $stickies ->
    [one] 1 sticky
   *[other] { $stickies } stickies
}), threshold { $threshold }
