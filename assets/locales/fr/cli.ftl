## La ligne de commande : commentaires de relecture signés (atelier review --as)

review-no-name = Qui commente ? Donnez votre nom avec --as NOM, ou une fois pour toutes dans config.ron : (name: "Votre nom").
review-read-only = mode relecture : l'atelier lui-même ne peut pas être modifié ; C ajoute un commentaire
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

## Messages des commandes (check, fmt, methods, templates).

cli-not-recovered = { $file } : pas récupéré : { $why }
cli-nothing-to-recover = { $file } : ok, rien à récupérer
cli-recovered = { $file } : ok, { $what }
cli-not-rewritten = { $file } : pas réécrit : { $why }
cli-fmt-zone = { $file } : remarque : il ne nommait aucun fuseau horaire ; il garde désormais { $zone } (celui de cet ordinateur)
cli-fmt-conflict = { $file } : modifié sur le disque pendant la mise en forme ; écrit dans { $copy }
cli-people = { $group } personnes
cli-methods-count = { $methods } méthodes dans { $stages } types d'étape
cli-warning = attention : { $what }
cli-no-method = pas de méthode « { $id } » ; voir `atelier methods list`
cli-no-template = pas de modèle « { $id } » ; voir `atelier templates list`
cli-method-facts =
    étape : { $stage }
    durée : { $duration } min (les étapes font { $steps })
    groupe : { $group } personnes
    source : { $source }
cli-method-materials = matériel :
cli-method-steps = étapes :
cli-method-produces = produit : { $what }
cli-total = total : { $total }

## Messages d'atelier export et d'atelier report.

cli-export-no-zone = remarque : { $file } ne nomme aucun fuseau horaire : ses heures sont données dans { $zone } (celui de cet ordinateur) ; il garde ce fuseau dès son prochain enregistrement (`atelier fmt`, ou en l'ouvrant)
cli-export-media-left-out = { $n } photo(s), vidéo(s) et lien(s) laissés de côté : un visage est une donnée personnelle ; ajoutez --with-media pour les inclure
cli-export-bundle-html = --bundle écrit une page HTML et ses médias : employez-le avec --format html
cli-export-not-a-file-name = { $file } : ce n'est pas un nom de fichier
cli-export-over-session = { $target } : c'est le fichier de séance lui-même ; choisissez une autre sortie avec -o
cli-export-linked-media = remarque : les vidéos et les sons sont liés par leur chemin depuis le dossier de la séance ({ $first }) : gardez la page à côté, ou publiez-les ensemble avec --bundle DIR
cli-report-conflict-copy = une copie de conflit, laissée de côté : fusionnez-la d'abord dans sa séance
cli-report-left-out = absent du rapport (ses pages ne le nomment jamais) : { $file } : { $why }

## Le fichier de configuration.

cli-language-unavailable = config.ron : la langue { $asked } n'est pas disponible (en, fr) ; emploi de { $code }
field-reviewer-name = Votre nom, pour signer vos commentaires (demandé une fois, gardé dans config.ron)
review-name-kept = Commentaires signés { $name } (nom gardé dans { $path }).
