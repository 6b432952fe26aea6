"""sop-builder: publish the schoolondersteuningsprofielen of a samenwerkingsverband."""

__version__ = "0.1.0"
