## atelier suggest (la ligne de commande)

suggest-cli-header = { $n ->
    [0] Aucune suggestion
    [one] 1 suggestion
   *[other] { $n } suggestions
} pour { $scope } ({ $stickies ->
    [one] 1 post-it
   *[other] { $stickies } post-it
}), seuil { $threshold }
