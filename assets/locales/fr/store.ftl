## Fichiers de séance illisibles (les messages du stockage).

load-too-deep = trop d'imbrications : 128 niveaux de parenthèses au plus
load-eof = le fichier s'arrête trop tôt : la suite manque (est-il tronqué ?)
load-expected-option = `None` ou `Some(...)` attendu : une valeur facultative s'écrit comme `Some("2026-06-12")`
load-integer-out-of-bounds = un nombre entier de 0 à { $max } est attendu ici
load-expected-integer = un nombre entier comme `3` est attendu ici
load-expected-string = un texte entre guillemets droits, comme `"Atelier"`, est attendu ici
load-expected-array = une liste entre crochets, comme `[]`, est attendue ici
load-expected-name = un nom est attendu ici (une couleur comme `Yellow`, un type comme `Idea` ; voir docs/format.md)
load-missing-field = le champ `{ $field }` manque (voir docs/format.md pour tous les champs)
load-other = le fichier n'a pas ici la forme attendue ({ $detail })
load-unknown-name = `{ $found }` n'est pas un nom connu ici (un de ceux-ci est attendu : { $expected })
load-unknown-field = il n'y a pas de champ `{ $found }` ici (un de ceux-ci est attendu : { $expected })
load-duplicate-field = le champ `{ $field }` est donné deux fois
load-expected-comma = une virgule `,` est attendue ici
load-expected-colon = un deux-points `:` est attendu ici
load-expected-boolean = `true` ou `false` est attendu ici
load-expected-number = un nombre est attendu ici
load-expected-identifier = un nom est attendu ici
load-expected-unit = `()` est attendu ici
load-unclosed-string = un texte n'est pas fermé : son guillemet droit `"` final est attendu
load-unclosed-comment = un commentaire n'est pas fermé
load-unexpected-char = `{ $char }` n'est pas attendu ici
load-trailing = du texte suit la fin : rien n'est attendu après le dernier crochet
load-expected-closing = un `{ $bracket }` fermant est attendu ici
load-expected-opening = un `{ $bracket }` ouvrant est attendu ici
load-empty = le fichier est vide : une séance comme `(format: 3, id: ..., title: ...)` est attendue
load-not-utf8 = ce n'est pas du texte UTF-8 : un fichier de séance RON est attendu (a-t-il été enregistré dans un autre encodage ?)
load-binary = cela ressemble à un fichier binaire : un fichier de séance RON est attendu
load-conflict-markers = ce fichier contient des marques de conflit git (<<<<<<<) : terminez d'abord la fusion (gardez un côté de chaque conflit), puis lancez atelier check
load-newer = la version de format { $version } est plus récente que celles que connaît cet atelier (jusqu'à { $known }) : mettez atelier à jour pour l'ouvrir
load-version-zero = la version de format 0 n'existe pas : 1 ou plus est attendu
load-truncated = (le fichier s'arrête avant sa parenthèse fermante `)` : est-il tronqué ?)
load-io-not-found = fichier ou dossier introuvable
load-io-not-a-folder = une partie de ce chemin est un fichier, pas un dossier
load-io-exists = un fichier de ce nom existe déjà
load-io-port-taken = un autre programme utilise déjà ce port
load-io-permission = permission refusée : vous ne pouvez pas écrire dans ce fichier ou son dossier
load-io-read-only = le disque est en lecture seule : enregistrez ailleurs
load-io-full = le disque est plein : libérez de la place ou enregistrez ailleurs
load-io-quota = le quota du disque est dépassé : libérez de la place ou enregistrez ailleurs
load-io-is-a-folder = c'est un dossier, pas un fichier
load-io-folder-not-empty = le dossier n'est pas vide
load-io-address-unavailable = cette adresse n'est pas une de cette machine
load-io-too-large = le fichier est trop gros pour ce disque
load-io-invalid-input = le système refuse ce nom ou cette valeur
load-io-invalid-data = ce qui a été lu n'est pas ce qui était attendu (est-ce du texte UTF-8 ?)
load-io-invalid-name = ce nom de fichier est trop long ou interdit ici
load-io-timed-out = cela a pris trop de temps : réessayez
load-io-interrupted = cela a été interrompu : réessayez
load-io-unexpected-end = le fichier s'arrête trop tôt
load-io-write-zero = rien n'a pu être écrit : le disque n'accepte plus rien
load-io-unsupported = ce système ne sait pas le faire
load-io-busy = le fichier ou le périphérique est occupé : réessayez dans un instant
load-io-crosses-devices = impossible de le déplacer d'un disque à un autre
load-io-broken-pipe = le programme qui lisait la sortie s'est arrêté
load-io-connection-lost = la connexion a été coupée
load-io-out-of-memory = mémoire insuffisante
load-io-too-many-links = trop de liens mènent à ce fichier
load-io-stale = le fichier réseau n'est plus là : remontez le partage
load-io-not-seekable = ce fichier ne se lit que du début à la fin
# Le numéro d'erreur du système, pour une erreur sans mots simples.
load-io-os = erreur du système { $code }
# $detail : les mots de l'erreur elle-même (d'une bibliothèque, en anglais).
load-io-other = la lecture ou l'écriture a échoué ({ $detail })

# Ce que le journal de secours a rendu à l'ouverture de sa séance.
recovered-changes = { $n ->
    [one] 1 modification récupérée
   *[other] { $n } modifications récupérées
} du journal de secours
recovered-changes-torn = { $n ->
    [one] 1 modification récupérée
   *[other] { $n } modifications récupérées
} du journal de secours ; un dernier enregistrement inachevé ({ $bytes } octets) a été écarté
recovered-conflict-copy = { $n ->
    [one] 1 modification récupérée
   *[other] { $n } modifications récupérées
} du journal de secours dans la copie de conflit { $name } (le fichier de la séance avait été modifié par quelqu'un d'autre)
recovered-kept-aside = un ancien journal de secours ne correspondait pas au fichier et a été mis de côté sous { $path }
recovered-do-not-fit = un journal de secours a été trouvé, mais ses modifications ne vont pas avec ce fichier ; il a été mis de côté sous { $path }
recovered-unreadable = le journal de secours est illisible ({ $why })

# A value the session file holds where a time, a date or a time zone goes
# ($found is the text found, quoted as the file has it).
load-bad-time = une heure au format RFC 3339 comme « 2026-06-12T07:30:00Z » est attendue ici, et non { $found }
load-bad-date = une date comme « 2026-06-12 » est attendue ici, et non { $found }
load-bad-time-of-day = une heure comme « 09:30 » est attendue ici, et non { $found }
load-bad-zone = fuseau horaire inconnu { $found } : un nom IANA comme « Europe/Paris » est attendu
load-bad-zone-like = fuseau horaire inconnu { $found } : un nom IANA comme « Europe/Paris » est attendu (vouliez-vous dire { $like } ?)
load-unknown-name-like = `{ $found }` n'est pas un nom connu ici : vouliez-vous dire { $like } ? (un des { $count } noms possibles)
