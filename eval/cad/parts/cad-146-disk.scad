// cad-146-disk: disk stock (turned edges), label +X
// features: +X rounded pocket; -X hole; -X counterbore
// removed mm^3: px=8793.308 mx=44.512 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 8793.308 >= 1.50 x 44.512 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([64.11, 5.48, -145.98], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	rod_z(24.61, 20.53);
	face([0, 0, 20.53], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.74, 2.24, 0]) pocket(32.02, 23.48, 6.22, 12.26);  // +X 8793.308
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.30, 1.19, 0]) hole(1.40, 2.47);  // -X 15.036
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([11.00, -7.80, 0]) cbore(2.99, 0.45, 1.50, 2.88);  // -X 29.476
}
