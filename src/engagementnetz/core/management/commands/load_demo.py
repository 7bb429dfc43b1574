from django.core.management.base import BaseCommand

from engagementnetz.core.demo_loader import DEMO_PASSWORD, demo_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo town's content (clubs, events, opportunities, …) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when already loaded."
        )

    def handle(self, *args, **options):
        if demo_loaded():
            if options["if_empty"]:
                return
            self.stderr.write("The demo content is already loaded.")
            return
        demo = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, user in demo.users.items():
            self.stdout.write(f"  {role:<14} {user.email}")
