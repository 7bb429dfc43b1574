"""Demo content of the platform itself: the network's identity and the shared vocabularies."""

from django.utils.text import slugify

from .models import District, Field, SiteSettings, TargetGroup

FIELDS = [
    "Sport",
    "Kultur",
    "Musik",
    "Soziales",
    "Kinder und Jugend",
    "Senioren",
    "Umwelt und Natur",
    "Bildung",
    "Gesundheit",
    "Integration",
    "Kirche",
    "Feuerwehr und Rettung",
    "Nachbarschaft",
    "Tierschutz",
    "Heimat und Brauchtum",
]
TARGET_GROUPS = [
    "Kinder",
    "Jugendliche",
    "Familien",
    "Erwachsene",
    "Seniorinnen und Senioren",
    "Menschen mit Behinderung",
    "Zugewanderte",
    "Alle",
]
# Stadtteile of Bitburg.
DISTRICTS = [
    "Innenstadt",
    "Erdorf",
    "Irsch",
    "Masholder",
    "Matzen",
    "Mötsch",
    "Stahl",
    "Bitburg-Nord",
    "Bitburg-Süd",
]


def load(demo) -> None:
    site = SiteSettings.current()
    site.name = "Bitburger Engagement-Netz"
    site.town = "Bitburg"
    site.tagline = "Vereine, Initiativen und Einrichtungen finden – und mitmachen."
    site.contact_name = "Netzwerkbüro Engagierte Stadt Bitburg"
    site.contact_email = "netzwerkbuero@engagement-bitburg.example"
    site.contact_phone = "06561 000 000"
    site.contact_address = "Caritasverband Westeifel e. V.\nKölner Straße 00\n54634 Bitburg"
    site.footer_text = (
        "Ein Angebot der Stadt Bitburg und des Caritasverbands Westeifel e. V. im "
        "bundesweiten Netzwerkprogramm Engagierte Stadt."
    )
    site.intro = (
        "Über 40 Vereine, Initiativen und Einrichtungen machen Bitburg lebendig. Hier finden Sie "
        "sie alle an einem Ort – mit ihren Terminen, Fortbildungen und Gesuchen für Engagierte. "
        "Und Sie reden mit, wenn die Stadt ihre Engagementstrategie weiterentwickelt."
    )
    site.save()
    for position, name in enumerate(FIELDS):
        demo.fields[name] = Field.objects.create(name=name, slug=slugify(name), position=position)
    for position, name in enumerate(TARGET_GROUPS):
        demo.target_groups[name] = TargetGroup.objects.create(
            name=name, slug=slugify(name), position=position
        )
    for position, name in enumerate(DISTRICTS):
        demo.districts[name] = District.objects.create(
            name=name, slug=slugify(name), position=position
        )
