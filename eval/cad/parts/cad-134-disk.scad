// cad-134-disk: disk stock (turned edges), label -Z
// features: -Z rounded pocket; -Z hole
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=9.705
// margin: label blind 9.705 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([156.15, -3.12, -60.23], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	rod_z(4.14, 4.19);
	face([0, 0, 4.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.56, 0.08, 0]) pocket(2.09, 2.38, 0.68, 1.74);  // -Z 7.936
	face([0, 0, 4.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.23, -2.27, 0]) hole(0.51, 2.19);  // -Z 1.769
}
