// cad-055-rodend: rod_end stock (turned edges), label -X
// features: -X circular pocket; +X counterbore; +X pocket in pocket; +X counterbore
// removed mm^3: px=3.505 mx=18.678 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 18.678 >= 1.50 x 3.505 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-79.31, 35.53, -7.08], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	rod_z(2.02, 13.48);
	face([0, 0, 13.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.12, 0.18, 0]) hole(0.96, 6.62);  // -X 18.678
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.84, -0.32, 0]) cbore(0.52, 0.53, 0.25, 2.22);  // +X 0.762
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.42, 1.02, 0]) pocket2(1.21, 0.84, 0.15, 1.49, 0.57, 0.44, 0.06, 1.16, -0.05, -0.05);  // +X 1.770
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-1.03, -0.16, 0]) cbore(0.54, 0.61, 0.26, 2.68);  // +X 0.973
}
