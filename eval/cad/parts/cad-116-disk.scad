// cad-116-disk: disk stock (turned edges), label +X
// features: +X rounded pocket; -X circular pocket
// removed mm^3: px=17.628 mx=2.219 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 17.628 >= 1.50 x 2.219 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-125.03, -74.02, 83.31], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	rod_z(4.26, 3.85);
	face([0, 0, 3.85], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.05, 0.51, 0]) pocket(5.25, 2.73, 0.99, 1.31);  // +X 17.628
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.25, -1.24, 0]) hole(1.22, 0.48);  // -X 2.219
}
