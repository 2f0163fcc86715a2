// cad-026-boxfillet: box_fillet stock (fillet edges), label -Y
// features: -Y rounded pocket; -Y pocket in pocket; -Y hole; -Y pocket; -Y pocket in pocket; +X 4 holes; +Z pocket in pocket
// removed mm^3: px=2.509 mx=0.000 py=0.000 my=352.054 pz=23.137 mz=0.000
// margin: label blind 352.054 >= 1.50 x 23.137 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-147.95, -67.83, 23.12], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box_fillet([24.34, 14.67, 14.22], 1.86, 8);
	face([0, 0, 14.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.24, 4.63, 0]) pocket(8.78, 3.47, 0.36, 8.12);  // -Y 246.472
	face([0, 0, 14.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.99, 6.32, 0]) pocket2(3.42, 3.72, 0.41, 2.08, 1.64, 2.08, 0.00, 3.05, 0.10, 0.16);  // -Y 36.562
	face([0, 0, 14.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.66, 3.33, 0]) hole(0.66, 5.82);  // -Y 7.932
	face([0, 0, 14.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.60, 9.52, 0]) pocket(6.61, 3.33, 0.00, 1.88);  // -Y 41.381
	face([0, 0, 14.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.68, 11.04, 0]) pocket2(3.37, 2.48, 0.21, 1.80, 1.23, 1.49, 0.08, 2.59, -0.04, 0.22);  // -Y 19.707
	face([0, 14.67, 14.22], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([12.13, 5.04, 0]) { translate([-1.73, 0.00, 0]) hole(0.27, 2.75); translate([-0.58, 0.00, 0]) hole(0.27, 2.75); translate([0.58, 0.00, 0]) hole(0.27, 2.75); translate([1.73, 0.00, 0]) hole(0.27, 2.75); };  // +X 2.509
	face([0, 0, 14.22], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([9.14, 10.87, 0]) pocket2(2.82, 1.97, 0.48, 3.88, 0.92, 0.86, 0.16, 3.07, 0.33, -0.16);  // +Z 23.137
}
