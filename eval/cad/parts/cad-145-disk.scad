// cad-145-disk: disk stock (turned edges), label -Z
// features: -Z rounded pocket; -Z hole; +Z pocket; +Z circular pocket; +Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=14547.356 mz=32447.776
// margin: label blind 32447.776 >= 1.50 x 14547.356 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([1.31, -4.44, 131.43], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	rod_z(64.62, 54.66);
	face([0, 0, 54.66], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.60, -1.15, 0]) pocket(74.72, 35.47, 13.87, 12.94);  // -Z 32108.083
	face([0, 0, 54.66], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-10.67, -26.43, 0]) hole(2.45, 18.13);  // -Z 339.692
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([16.54, -17.88, 0]) pocket(14.60, 25.94, 0.00, 12.06);  // +Z 4567.411
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([8.63, 18.87, 0]) hole(13.03, 11.26);  // +Z 5967.369
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-24.74, 11.97, 0]) hole(10.83, 10.96);  // +Z 4012.575
}
