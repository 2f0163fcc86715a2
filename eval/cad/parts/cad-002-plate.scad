// cad-002-plate: plate stock (round corners edges), label -Z
// features: -Z rounded pocket; -Z pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=308.091
// margin: label blind 308.091 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([168.09, 19.06, 127.48], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	box_vfillet([45.91, 45.08, 2.14], 2.18);
	face([0, 0, 2.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.71, 26.03, 0]) pocket(14.32, 13.76, 4.39, 0.59);  // -Z 106.348
	face([0, 0, 2.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.23, 15.31, 0]) pocket(10.68, 16.57, 0.00, 1.14);  // -Z 201.743
}
