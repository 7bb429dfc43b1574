from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.news.models import Article, ArticleState, Category


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Rubrik {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Neues aus dem Netzwerk {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    teaser = "Kurz gesagt: Es tut sich etwas in Bitburg."
    body = "## Was passiert ist\n\nDer Vorstand hat **gute Nachrichten**."
    state = ArticleState.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    author_name = "Netzwerkbüro"

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)
