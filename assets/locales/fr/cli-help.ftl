## L'aide de la ligne de commande (atelier --help, atelier COMMANDE --help).

cli-usage = Utilisation
cli-commands = Commandes
cli-arguments = Arguments
cli-options = Options
cli-about =
    Animer des ateliers de co-conception depuis le terminal : préparer, animer, noter, partager.
cli-long =
    Animer des ateliers de co-conception depuis le terminal : construire un déroulé à partir d'une bibliothèque de méthodes, tenir le temps, noter les observations et les post-it, les regrouper et voter par gommettes, et tout garder dans un fichier de séance en texte brut.

    Sans commande, ouvre l'application.
    ATELIER_HOME désigne un dossier à utiliser à la place des dossiers du système.
cli-demo-about =
    Ouvrir une copie neuve de la séance de démonstration (jamais l'originale)
cli-new-about =
    Créer une séance et afficher son chemin
cli-new--title =
    Le titre de la séance
cli-new--template =
    Un modèle de déroulé de départ (voir `atelier templates list`)
cli-new--lang =
    Langue des textes de la séance : en ou fr (par défaut : celle de LANG)
cli-new--no-open =
    Créer le fichier seulement, sans ouvrir l'application
cli-open-about =
    Ouvrir une séance dans l'application
cli-open--collect =
    Commencer tout de suite à recevoir les post-it depuis les téléphones des participants (l'adresse et le QR code s'affichent à l'écran ; voir docs/collect.md)
cli-review-about =
    Parcourir une séance en lecture seule (pour les participants), ou y ajouter un commentaire signé avec --comment
cli-review--as-name =
    Le nom qui signe vos commentaires (par défaut : `name` dans config.ron)
cli-review--comment =
    Ajouter ce commentaire et quitter, sans ouvrir l'application
cli-review--about =
    L'identifiant de l'élément commenté (un post-it, une note, un groupe, une étape…), ou son début ; par défaut : la séance
cli-export-about =
    Exporter une séance : une synthèse à publier (md, html), un tableur (csv), les données (json), une image du tableau (svg) ou la feuille de route (runsheet)
cli-export-long =
    Exporter une séance : une synthèse à publier (md, html), un tableur (csv), les données (json), une image du tableau (svg) ou la feuille de route à imprimer (runsheet).

    Sans -o, le document est écrit à côté de la séance, avec l'extension du format (demo.ron -> demo.md) ; `-o -` écrit sur la sortie standard.
cli-export--file =
    Le fichier de séance
cli-export--format =
    Le format à écrire : md, html, csv, json, svg (une image du tableau) ou runsheet (la journée à imprimer)
cli-export--output =
    Où écrire (un fichier, un dossier, ou `-` pour la sortie standard)
cli-export--anonymize =
    Numéroter les personnes (P1, P2…) et masquer noms, adresses e-mail et numéros de téléphone dans tous les textes : prêt à publier. Photos, vidéos et liens sont laissés de côté (un visage est une donnée personnelle), sauf avec --with-media
cli-export--with-media =
    Garder photos, vidéos et liens dans un export anonymisé
cli-export--include-private =
    Garder les notes et post-it marqués privés (réservés aux animateurs) : sans cette option, ils sont laissés de côté, avec leurs votes, pièces jointes et commentaires
cli-export--bundle =
    Écrire DOSSIER/index.html et y copier les vidéos et sons vers lesquels la page pointe (les photos sont dans la page) : un dossier à publier. HTML seulement
cli-report-about =
    Écrire un rapport HTML pour un dossier de séances (un programme) : un sommaire des séances et une page par séance. Les fichiers illisibles sont signalés sur la sortie d'erreur et laissés hors des pages (faites pour être publiées) ; ce n'est pas bloquant
cli-report--dir =
    Le dossier des fichiers de séance (*.ron)
cli-report--output =
    Le dossier où écrire (par défaut : DOSSIER/report)
cli-report--anonymize =
    Anonymiser d'abord chaque séance (comme `export --anonymize`)
cli-report--include-private =
    Garder les notes et post-it privés (comme `export --include-private`)
cli-check-about =
    Vérifier des fichiers de séance ; affiche `FICHIER: ok` ou l'erreur. Code de sortie 1 si l'un d'eux est mauvais
cli-check--recover =
    Rejouer dans le fichier le journal de secours laissé à côté (comme le ferait son ouverture dans l'application), et dire ce qui a été récupéré
cli-fmt-about =
    Réécrire des fichiers de séance sous leur forme canonique (comme atelier les enregistre)
cli-merge-about =
    Fusionner des copies d'une séance : BASE NOTRE LEUR (à trois, par identifiant), ou --no-base NOTRE LEUR (deux séances parties séparément)
cli-merge-long =
    Fusionner des copies d'une séance : BASE NOTRE LEUR (à trois, par identifiant), ou --no-base NOTRE LEUR (deux séances parties séparément).

    En cas de conflit, notre version reste en place et la leur est gardée dans la séance, pour décider dans l'application. Code de sortie 0 sans conflit, 1 si des conflits ont été notés. Comme pilote de fusion git : `atelier merge --git %O %A %B` (voir docs/git.md).
cli-merge--files =
    BASE NOTRE LEUR (NOTRE LEUR avec --no-base)
cli-merge--output =
    Où écrire le résultat (par défaut : la sortie standard)
cli-merge--git =
    Fonctionner comme pilote de fusion git : le résultat remplace NOTRE (%A)
cli-merge--no-base =
    Les deux séances n'ont pas de base commune : les réunir, en rapprochant les participants par leur nom et les groupes par leur titre
cli-import-about =
    Importer des post-it dans une séance depuis un fichier texte (un par ligne, ou par bloc séparé d'une ligne vide), un fichier CSV avec en-tête (text, author, colour, cluster, votes), ou un tableau exporté de Parabol (CSV de rétrospective) ou de scrumlr (CSV ou JSON)
cli-import-long =
    Importer des post-it dans une séance depuis un fichier texte (un par ligne, ou par bloc séparé d'une ligne vide), un fichier CSV avec en-tête (text, author, colour, cluster, votes), ou un tableau exporté de Parabol (CSV de rétrospective) ou de scrumlr (CSV ou JSON).

    Le format est reconnu d'après le fichier, et indiqué. Les auteurs inconnus sont ajoutés comme participants (comme invités pour un tableau) ; les groupes manquants sont créés ; les votes deviennent des décomptes papier. Les lignes fautives sont signalées avec leur numéro et rien n'est importé ; ce qui est déjà dans la séance est ignoré (voir docs/import.md).
cli-import--session =
    Le fichier de séance
cli-import--from =
    Le fichier à importer
cli-import--format =
    Lire le fichier dans ce format au lieu de le reconnaître : text, csv, parabol ou scrumlr
cli-import--stage =
    L'étape à laquelle appartiennent les post-it (identifiant ou titre)
cli-import--author =
    L'auteur des lignes qui n'en nomment pas
cli-import--cluster =
    Le groupe (titre) des lignes qui n'en nomment pas ; créé s'il manque
cli-methods-about =
    La bibliothèque de méthodes
cli-methods-list-about =
    Une ligne pour chacune (par défaut)
cli-methods-show-about =
    Une seule, en entier
cli-templates-about =
    Les modèles de déroulé
cli-templates-list-about =
    Une ligne pour chacun (par défaut)
cli-templates-show-about =
    Un seul, en entier
cli-attach-about =
    Joindre photos, vidéos, sons ou liens à une séance (ou à l'un de ses éléments) : les fichiers sont copiés dans SÉANCE.media/, une seule fois par contenu
cli-attach--session =
    Le fichier de séance
cli-attach--files =
    Fichiers, dossiers (leurs photos, vidéos et sons) ou liens http(s)
cli-attach--to =
    L'identifiant de la note, du post-it, du groupe, de l'étape ou du prototype auquel ils appartiennent
cli-attach--caption =
    Une légende (par défaut : le nom du fichier)
cli-suggest-about =
    Proposer des groupes pour les post-it d'une séance, comme `S` sur le tableau : des ensembles de post-it qui disent la même chose, avec les concepts et les mots qui justifient chacun (voir docs/suggestions.md). Utilise le thésaurus et le modèle du lab dans le dossier de configuration (suggest/*.txt, suggest/*.vec) s'il y en a
cli-suggest--file =
    Le fichier de séance
cli-suggest--threshold =
    La similarité moyenne minimale pour réunir deux groupes : plus elle est haute, moins il y a de propositions, et plus elles sont serrées (par défaut : { $default })
cli-suggest--scope =
    Les post-it à regrouper : inbox (ceux à classer, par défaut) ou all (tout le tableau)
cli-suggest--format =
    text pour les personnes (par défaut), ou json : une liste d'objets avec `title`, `words` et `stickies` (leurs identifiants)
cli-completions-about =
    Afficher un script de complétion pour le shell
cli-generate-about =
    Écrire une grande séance générée (pour les mesures et les tests) ; la même graine donne toujours le même fichier
cli-generate--stickies =
    Combien de post-it (notes, groupes et votes suivent en proportion)
cli-generate--output =
    Le fichier à écrire
cli-open--file =
    Le fichier de séance
cli-review--file =
    Le fichier de séance
cli-check--files =
    Les fichiers de séance
cli-fmt--files =
    Les fichiers de séance
cli-methods-show--id =
    L'identifiant de la méthode (voir `atelier methods list`)
cli-templates-show--id =
    L'identifiant du modèle (voir `atelier templates list`)
cli-completions--shell =
    Le shell : bash, zsh ou fish
cli-generate--seed =
    La graine (par défaut : 1)
cli-help--help =
    Afficher l'aide (-h pour un résumé)
cli-help--version =
    Afficher la version
cli-help-about =
    Afficher ce message ou l'aide de la commande donnée

## Les repères de l'aide (<FICHIER>).

cli-value-author = AUTEUR
cli-value-caption = LÉGENDE
cli-value-cluster = GROUPE
cli-value-dir = DOSSIER
cli-value-file = FICHIER
cli-value-files = FICHIERS
cli-value-format = FORMAT
cli-value-from = FICHIER
cli-value-id = ID
cli-value-lang = LANGUE
cli-value-name = NOM
cli-value-output = SORTIE
cli-value-scope = PORTÉE
cli-value-seed = GRAINE
cli-value-session = SÉANCE
cli-value-shell = SHELL
cli-value-stage = ÉTAPE
cli-value-stickies = NOMBRE
cli-value-template = MODÈLE
cli-value-text = TEXTE
cli-value-threshold = SEUIL
cli-value-title = TITRE
cli-value-to = ID
cli-value-command = COMMANDE
