"""The wording of the newsletter consent that a new installation starts with.

The network office publishes new versions in its work area; every consent record points to the
version that was shown.
"""

DEFAULT_CONSENT_TEXT = (
    "Ja, ich möchte den Newsletter des Engagement-Netzwerks mit den gewählten Themen per E-Mail "
    "erhalten. Meine E-Mail-Adresse und – wenn angegeben – mein Name werden nur für den Versand "
    "des Newsletters verwendet und nicht weitergegeben. Meine Einwilligung kann ich jederzeit "
    "widerrufen: über den Abmeldelink in jeder Ausgabe oder per E-Mail an das Netzwerkbüro."
)
