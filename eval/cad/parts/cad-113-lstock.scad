// cad-113-lstock: lstock stock (sharp edges), label +X
// features: +X rounded pocket; +X pocket; +X circular pocket; -Z slot
// removed mm^3: px=172013.886 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=2510.257
// margin: label blind 172013.886 >= 1.50 x 2510.257 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([133.69, 135.76, 48.47], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	lstock([312.44, 149.73, 234.28], 49.14, 100.77);
	face([0, 0, 234.28], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([291.83, 16.74, 0]) pocket(30.06, 17.95, 1.48, 130.10);  // +X 69950.669
	face([0, 0, 234.28], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([222.95, 18.30, 0]) pocket(14.32, 26.52, 0.00, 127.19);  // +X 48302.488
	face([0, 0, 234.28], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([35.18, 23.63, 0]) hole(12.66, 107.21);  // +X 53760.728
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([126.44, 149.29, 0]) slot(17.42, 5.66, 8.44);  // -Z 2510.257
}
