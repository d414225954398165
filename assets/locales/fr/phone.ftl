## La page des participant·es sur leur téléphone (src/collect/page.rs) : ses
## mots et les messages du serveur.

phone-fallback-title = Ajouter un post-it
phone-text-label = Votre post-it
phone-max-hint = { $max } caractères au plus.
phone-name-label = Votre prénom (facultatif)
phone-name-hint = Laissez vide pour rester anonyme.
phone-anonymous = Les post-its sont anonymes : aucun nom n'est demandé.
phone-colour-label = Couleur
phone-send = Envoyer
phone-note = Votre post-it arrive chez la personne qui anime, qui le partage avec la salle. Cette page ne montre jamais ce que les autres ont écrit.
phone-offline = Non envoyé : vérifiez que vous êtes sur le Wi-Fi de la salle, puis réessayez.
phone-sent = Envoyé ! Écrivez-en un autre.
phone-empty = Écrivez d'abord quelque chose.
phone-too-long = Trop long : { $n } caractères, { $max } au plus. Raccourcissez puis renvoyez.
phone-name-too-long = Le prénom est trop long : { $max } caractères au plus.
phone-too-large = Trop de texte d'un coup. Raccourcissez puis renvoyez.
phone-malformed = Ce post-it n'a pas pu être lu. Rechargez la page et réessayez.
phone-bad-colour = Couleur inconnue. Rechargez la page et réessayez.
phone-too-many = Beaucoup de post-its en une minute ! Attendez un peu, puis renvoyez.
phone-busy = La boîte de la personne qui anime est pleine. Attendez une minute, puis renvoyez.
phone-ended = La collecte est terminée. Merci !
phone-crowded = Beaucoup de téléphones envoient en même temps. Attendez un peu, puis renvoyez.
phone-slow = La connexion était trop lente. Renvoyez.

# La petite page d'une erreur HTTP (le navigateur du téléphone montrerait
# la sienne, dans sa langue). $status : le numéro de statut HTTP.
phone-error-heading = { $status ->
    [404] Cette page n'existe pas
    [405] Cette page ne reçoit que le formulaire
    [413] Trop de texte d'un coup
    [500] Quelque chose s'est mal passé
    [503] Trop de téléphones à la fois
   *[other] Cette demande n'a pas pu être lue
}
phone-error-message = { $status ->
    [404] Vérifiez l'adresse, ou scannez de nouveau le QR code affiché dans la salle.
    [405] Revenez au formulaire pour envoyer un post-it.
    [413] Raccourcissez votre texte, revenez au formulaire et renvoyez-le.
    [500] L'ordinateur de la personne qui anime n'a pas pu afficher cette page. Réessayez dans un instant.
    [503] Attendez un instant, puis réessayez.
   *[other] Rechargez la page, ou scannez de nouveau le QR code affiché dans la salle.
}
phone-error-back = Revenir au formulaire
