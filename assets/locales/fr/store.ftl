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
load-other = le fichier n'a pas ici la forme d'une séance ({ $detail })
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
