// cad-011-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +X
// features: +X pocket; +X pocket in pocket; +X slot; +X hole; +X countersink; +X counterbore; -X pocket in pocket; -Y hole
// removed mm^3: px=22.646 mx=1.875 py=0.000 my=0.372 pz=0.000 mz=0.000
// margin: label blind 22.646 >= 1.50 x 1.875 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-23.46, 12.55, 61.51], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	box_topchamfer([9.48, 9.52, 5.56], 0.57);
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.74, 6.68, 0]) pocket(1.53, 1.14, 0.00, 3.55);  // +X 6.192
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.05, 4.31, 0]) pocket2(2.10, 3.24, 0.24, 0.59, 1.21, 1.63, 0.05, 0.74, -0.18, -0.43);  // +X 5.443
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.23, 8.22, 0]) slot(1.57, 0.39, 2.51);  // +X 4.268
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.54, 4.10, 0]) hole(0.65, 3.18);  // +X 4.204
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.84, 1.91, 0]) csink(0.73, 0.34, 0.39, 2.30);  // +X 1.056
	face([0, 0, 5.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.63, 6.02, 0]) cbore(0.70, 0.52, 0.38, 2.04);  // +X 1.484
	face([0, 9.52, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([2.53, 4.42, 0]) pocket2(1.21, 2.07, 0.19, 0.66, 0.37, 1.01, 0.14, 0.68, -0.02, 0.10);  // -X 1.875
	face([0, 9.52, 5.56], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([7.80, 3.34, 0]) hole(0.25, 1.90);  // -Y 0.372
}
