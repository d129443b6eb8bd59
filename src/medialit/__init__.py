"""medialit: a media-literacy teaching kit built on five articles about Kazakhstan, January 2022."""

__version__ = "0.1.0"
