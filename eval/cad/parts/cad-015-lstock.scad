// cad-015-lstock: lstock stock (sharp edges), label +Y
// features: +Y rounded pocket; +Y circular pocket; +Y slot
// removed mm^3: px=0.000 mx=0.000 py=22.681 my=0.000 pz=0.000 mz=0.000
// margin: label blind 22.681 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-91.68, 79.94, 191.61], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	lstock([9.95, 7.76, 9.85], 2.93, 5.51);
	face([0, 0, 5.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.23, 4.69, 0]) pocket(1.09, 0.91, 0.21, 2.33);  // +Y 2.215
	face([0, 0, 5.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.92, 4.46, 0]) hole(1.24, 3.04);  // +Y 14.310
	face([0, 0, 5.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.29, 3.83, 0]) slot(1.82, 0.58, 1.96);  // +Y 6.157
}
