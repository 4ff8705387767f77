# The two commands of the README.  Both do all the set-up they need on a fresh
# machine with Python 3.11 (Debian/Ubuntu for the system packages).
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# LibreOffice renders the PDFs the layout tests measure (Calc opens the register in its
# test); the fonts stand in for the official 公文 fonts (letterkit/fonts/fonts.conf maps the names).
SYSTEM_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fontconfig fonts-noto-cjk \
                   fonts-arphic-gkai00mp fonts-arphic-gbsn00lp fonts-liberation2

.PHONY: build test install system-packages

build:            ## build the repository's drafts into build/
	$(PYTHON) -m pip install --quiet -e .
	$(PYTHON) -m letterkit build

test: system-packages install   ## run the whole test suite
	$(PYTHON) -m pytest

install:
	$(PYTHON) -m pip install --quiet -e '.[test]'

system-packages:
	@if command -v soffice >/dev/null && command -v pdftoppm >/dev/null \
	    && { dpkg -s libreoffice-calc-nogui || dpkg -s libreoffice-calc; } >/dev/null 2>&1 \
	    && fc-list | grep -q 'Noto Serif CJK SC' && fc-list | grep -q 'AR PL KaitiM GB'; then \
	    echo "system packages: present"; \
	else \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES); \
	fi
