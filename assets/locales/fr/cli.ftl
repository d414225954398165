## La ligne de commande : commentaires de relecture signés (atelier review --as)

review-no-name = Qui commente ? Donnez votre nom avec --as NOM, ou une fois pour toutes dans config.ron : (name: "Votre nom").
review-name-empty = Un nom ne peut pas être vide.
review-comment-empty = Le commentaire est vide.
review-comment-added = Commentaire de { $author } ajouté à { $file }.
review-config-unchanged = { $path } n'a pas pu être mis à jour sans risque ; ajoutez-y name: "Votre nom" à la main.
review-about-unknown = Aucun élément de la séance n'a l'identifiant { $about }.
review-about-ambiguous = { $n } éléments ont un identifiant qui commence par { $about } : donnez-en davantage.

## Erreurs de la ligne de commande.

cli-error-unknown-argument = argument inattendu : { $arg }
cli-error-unknown-command = commande inconnue : { $command }
cli-error-invalid-value = { $value } n'est pas une valeur admise pour { $arg } (valeurs possibles : { $valid })
cli-error-bad-value = { $value } n'est pas une valeur admise pour { $arg }
cli-error-missing = il manque : { $args }
cli-error-missing-command = il manque une commande
cli-error-conflict = { $arg } ne peut pas s'employer avec { $other }
cli-error-value-count = { $arg } n'a pas le bon nombre de valeurs
cli-error-other = la ligne de commande n'est pas comprise ({ $detail })
cli-error-did-you-mean = vouliez-vous dire { $suggestion } ?
cli-error-more = Pour en savoir plus, essayez --help.
