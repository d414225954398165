## Exports anonymisés (src/export/anonymize.rs, docs/anonymize.md)

# À la place d'un pseudonyme de réseau social (@nom) ou d'un lien vers un profil.
anonymize-redacted-handle = [pseudo]
# Le porteur d'une action, quand il désigne plusieurs personnes de l'atelier.
anonymize-owner-several = plusieurs personnes
# Le porteur d'une action, quand il désigne une personne de l'atelier qu'on ne peut distinguer (un prénom que deux personnes portent).
anonymize-owner-someone = une personne de l'atelier
# Le porteur d'une action, quand il ne désigne personne de l'atelier (un service, une personne absente).
anonymize-owner-other = hors atelier
