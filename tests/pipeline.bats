#!/usr/bin/env bats
# The rendering pipeline of normrender (lib/render/pipeline.c), through
# tests/pipecheck: its bytes are those of rendering each mesh alone.

load test_helper

@test "pipeline: the views of each mesh, as mdf_render() draws them, other frames in order" {
	run -0 pipecheck order
}

@test "pipeline: a bad mesh is reported after the views of the mesh before it" {
	run -0 pipecheck fault
}

@test "pipeline: a reader that went away is EPIPE, with the message" {
	run -0 pipecheck epipe
}
