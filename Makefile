# The README's commands: `make demo`, `make test` and `make deb`.
.PHONY: demo test deps deb

deps:
	@scripts/ensure-deps.sh

demo: deps
	@scripts/demo.sh

test: deps
	swift test

# kouka_<version>_amd64.deb from the release build, checked by lintian (scripts/build-deb.sh).
deb: deps
	scripts/build-deb.sh
