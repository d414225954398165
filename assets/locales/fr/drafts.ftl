# Brouillons : le texte laissé dans un champ avec Échap est gardé (src/app/drafts.rs).

# $key : la touche qui rouvre le champ, avec son texte.
draft-kept = Brouillon gardé : { $key } pour reprendre.
draft-kept-no-key = Brouillon gardé.
# En relecture : les brouillons sont gardés dans le dossier du relecteur ; ceci dit pourquoi pas.
drafts-not-kept = Les brouillons n'ont pas pu être gardés sur le disque ({ $error }) ; ils restent en mémoire.
# Aide : E sur l'écran d'animation (il reprend aussi le brouillon de ces champs).
action-edit-prototype = modifier ce que teste le prototype, puis son hypothèse
