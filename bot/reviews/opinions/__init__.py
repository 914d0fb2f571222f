"""Opinion understanding: is a sentence a judgement, which way does it lean, and about what."""

from bot.reviews.opinions.aspects import AspectVocabulary
from bot.reviews.opinions.tagger import ClauseOpinion, Opinion, OpinionTagger

__all__ = ["AspectVocabulary", "ClauseOpinion", "Opinion", "OpinionTagger"]
