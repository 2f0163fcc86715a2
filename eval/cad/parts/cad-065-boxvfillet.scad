// cad-065-boxvfillet: box_vfillet stock (vfillet edges), label +Z
// features: +Z slot; +Z slot; +Z countersink through; +Z circular pocket; +Z counterbore; +Z rounded pocket; +Z hole through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=23650.356 mz=0.000
// margin: label blind 18488.061 >= 1.50 x 5162.295 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-153.45, -115.22, -0.15], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box_vfillet([130.54, 60.58, 99.81], 9.35);
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.11, 41.54, 0]) slot(14.39, 2.39, 22.99);  // +Z 1991.261
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.23, 15.50, 0]) slot(14.22, 2.55, 58.82);  // +Z 5459.625
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([21.19, 32.51, 0]) csink(4.46, 2.22, 2.24, 99.83);  // +Z 1581.915
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([83.68, 37.16, 0]) hole(11.53, 14.23);  // +Z 5904.991
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([103.94, 26.28, 0]) cbore(5.47, 11.11, 2.95, 48.38);  // +Z 2050.051
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([58.53, 31.54, 0]) pocket(16.60, 15.83, 6.01, 13.34);  // +Z 3082.134
	face([0, 0, 99.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([106.87, 44.56, 0]) hole(3.39, 99.83);  // +Z 3580.380
}
