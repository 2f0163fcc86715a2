// cad-029-disk: disk stock (turned edges), label -Z
// features: -Z circular pocket; -X flat; +Z circular pocket
// removed mm^3: px=0.000 mx=74.667 py=0.000 my=0.000 pz=41.051 mz=3196.971
// margin: label blind 3196.971 >= 1.50 x 74.667 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-6.40, 66.51, 9.09], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	rod_z(22.56, 20.34);
	face([0, 0, 20.34], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.38, -2.48, 0]) hole(10.54, 9.40);  // -Z 3196.971
	translate([-23.56, 21.20, 7.44]) cube([47.12, 2.36, 8.03]);  // -X 74.667
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([10.96, -4.28, 0]) hole(1.57, 5.44);  // +Z 41.051
}
