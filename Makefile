# The README's two commands: `make demo` and `make test`.
.PHONY: demo test deps

deps:
	@scripts/ensure-deps.sh

demo: deps
	@scripts/demo.sh

test: deps
	swift test
