## atelier suggest (la ligne de commande)

suggest-cli-header = { $n ->
    [0] Aucune suggestion
    [one] 1 suggestion
   *[other] { $n } suggestions
} pour { $scope } ({ $stickies ->
    [one] 1 post-it
   *[other] { $stickies } post-it
}), seuil { $threshold }

# Le thésaurus du lab (suggest/*.txt) et ses vecteurs de mots
# (suggest/*.vec) dans le dossier de configuration : une ligne illisible
# ($problem : fichier:ligne:colonne et quoi), un concept plus large
# qu'aucun concept ne définit.
lab-file-left-out = { $problem } (fichier laissé de côté)
lab-no-concept = { $dir } : aucun concept { $id } (dans { $concept })
lab-file-expected-ids = des identifiants de concepts sont attendus, pas `{ $found }`
lab-file-expected-weight = un poids de 0 à 2 est attendu, pas `{ $found }`
lab-file-expected-line = `[id]` ou `clé: valeurs` est attendu
lab-file-expected-concept = un concept (`[id]`) est attendu avant `{ $key }:`
lab-file-unknown-key = clé `{ $key }` inconnue (fr, en, any, label, in ou weight est attendu)
lab-file-stop-key = les mots vides prennent fr, en ou any, pas `{ $key }`
lab-file-expected-bracket = un `]` est attendu pour fermer l'identifiant du concept
lab-file-expected-id = un identifiant de concept en minuscules, chiffres et tirets est attendu, pas `{ $found }`
lab-file-expected-number = un nombre est attendu, pas `{ $found }`
lab-file-expected-vector = un mot suivi de nombres est attendu
lab-file-expected-dimension = { $n } nombres sont attendus après le mot, pas { $found }
