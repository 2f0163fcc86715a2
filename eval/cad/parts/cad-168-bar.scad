// cad-168-bar: bar stock (sharp edges), label +X
// features: +X hole; +X counterbore; +Z circular pocket; -X circular pocket
// removed mm^3: px=0.288 mx=0.026 py=0.000 my=0.000 pz=0.051 mz=0.000
// margin: label blind 0.288 >= 1.50 x 0.051 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-248.40, 61.58, 264.73], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	box([5.12, 1.71, 1.61]);
	face([0, 0, 1.61], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.31, 0.40, 0]) hole(0.26, 0.61);  // +X 0.127
	face([0, 0, 1.61], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.76, 0.69, 0]) cbore(0.49, 0.15, 0.23, 0.45);  // +X 0.160
	face([0, 1.71, 1.61], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([1.36, 0.60, 0]) hole(0.20, 0.41);  // +Z 0.051
	face([0, 1.71, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([2.22, 0.32, 0]) hole(0.20, 0.21);  // -X 0.026
}
