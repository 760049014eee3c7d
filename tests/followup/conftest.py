from tests.meetings.conftest import body, founding_docx, meeting  # noqa: F401 (fixtures)
