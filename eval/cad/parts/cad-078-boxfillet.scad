// cad-078-boxfillet: box_fillet stock (fillet edges), label +Z
// features: +Z hole through; +Z circular pocket; +Z slot; +Z counterbore; +Z counterbore through; +Z countersink through; +Z pocket in pocket; +X circular pocket; +Y pocket; -Z pocket
// removed mm^3: px=48.597 mx=0.000 py=166.983 my=0.000 pz=499.749 mz=81.519
// margin: label blind 352.066 >= 1.50 x 229.202 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-66.57, 30.82, -11.07], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	box_fillet([19.17, 29.03, 37.88], 3.74, 12);
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.12, 5.71, 0]) hole(0.51, 37.90);  // +Z 30.163
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.58, 6.24, 0]) hole(1.90, 7.84);  // +Z 86.647
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.08, 17.87, 0]) slot(2.86, 1.11, 19.12);  // +Z 193.518
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.72, 21.11, 0]) cbore(1.41, 2.64, 0.75, 9.53);  // +Z 27.933
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.54, 11.09, 0]) cbore(0.88, 13.21, 0.56, 37.90);  // +Z 55.003
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.74, 22.61, 0]) csink(1.24, 0.73, 0.51, 37.90);  // +Z 62.516
	face([0, 0, 37.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.75, 10.51, 0]) pocket2(1.93, 2.13, 0.06, 9.46, 0.63, 1.14, 0.02, 7.12, -0.26, -0.03);  // +Z 43.968
	face([0, 0, 37.88], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([15.99, 10.64, 0]) hole(1.83, 4.74);  // +X 48.597
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([10.83, 24.30, 0]) pocket(4.69, 4.60, 0.00, 7.74);  // +Y 166.983
	face([0, 29.03, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([9.55, 21.71, 0]) pocket(3.03, 3.80, 0.00, 7.08);  // -Z 81.519
}
