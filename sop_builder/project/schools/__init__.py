"""A school folder: its files, reading, validation against site_config/, and the checks
that help its editors (shaped like offer/ and evaluation/)."""
