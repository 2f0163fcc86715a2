// cad-169-boxvfillet: box_vfillet stock (vfillet edges), label +Z
// features: +Z pocket; +Z counterbore through; +Z hole; +Z pocket in pocket; +Z slot; +Z pocket in pocket; +X pocket; +Y countersink
// removed mm^3: px=1.905 mx=0.000 py=0.708 my=0.000 pz=107.863 mz=0.000
// margin: label blind 98.752 >= 1.50 x 9.111 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([16.20, -265.20, -10.67], [[0, -1, 0], [1, 0, 0], [0, 0, 1]])
part() {
	box_vfillet([18.07, 14.17, 8.09], 1.47);
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.67, 9.99, 0]) pocket(6.78, 3.81, 0.00, 2.09);  // +Z 53.988
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.85, 3.37, 0]) cbore(0.89, 2.13, 0.46, 8.11);  // +Z 9.111
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.41, 3.34, 0]) hole(0.67, 4.08);  // +Z 5.660
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.90, 6.32, 0]) pocket2(2.71, 2.80, 0.56, 1.01, 0.84, 0.97, 0.25, 0.79, 0.19, -0.26);  // +Z 7.974
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.07, 8.42, 0]) slot(2.25, 0.74, 4.26);  // +Z 21.394
	face([0, 0, 8.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.43, 3.87, 0]) pocket2(1.86, 2.78, 0.47, 1.63, 0.66, 1.44, 0.08, 1.73, -0.16, -0.09);  // +Z 9.735
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([9.88, 3.23, 0]) pocket(0.91, 0.91, 0.00, 2.30);  // +X 1.905
	face([18.07, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([2.87, 3.54, 0]) csink(0.43, 0.21, 0.21, 4.90);  // +Y 0.708
}
