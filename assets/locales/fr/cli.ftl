## La ligne de commande : commentaires de relecture signés (atelier review --as)

review-no-name = Qui commente ? Donnez votre nom avec --as NOM, ou une fois pour toutes dans config.ron : (name: "Votre nom").
review-name-empty = Un nom ne peut pas être vide.
review-comment-empty = Le commentaire est vide.
review-comment-added = Commentaire de { $author } ajouté à { $file }.
review-config-unchanged = { $path } n'a pas pu être mis à jour sans risque ; ajoutez-y name: "Votre nom" à la main.
review-about-unknown = Aucun élément de la séance n'a l'identifiant { $about }.
review-about-ambiguous = { $n } éléments ont un identifiant qui commence par { $about } : donnez-en davantage.
