// cad-084-boxvfillet: box_vfillet stock (vfillet edges), label -Z
// features: -Z pocket; -Z hole through; -Z rounded pocket; -Z hole; -Z slot; -Y circular pocket; -Y hole
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=1.371 pz=0.000 mz=11.953
// margin: label blind 9.843 >= 1.50 x 2.110 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([15.96, -9.24, -116.59], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	box_vfillet([10.86, 6.78, 4.67], 0.60);
	face([0, 0, 4.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.17, 3.85, 0]) pocket(1.55, 2.22, 0.00, 1.51);  // -Z 5.196
	face([0, 0, 4.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.72, 4.71, 0]) hole(0.38, 4.69);  // -Z 2.110
	face([0, 0, 4.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.80, 1.99, 0]) pocket(1.38, 1.94, 0.17, 1.18);  // -Z 3.129
	face([0, 0, 4.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.59, 2.09, 0]) hole(0.41, 0.57);  // -Z 0.300
	face([0, 0, 4.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.53, 5.29, 0]) slot(0.87, 0.55, 0.64);  // -Z 1.218
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([6.12, 2.13, 0]) hole(0.22, 2.02);  // -Y 0.306
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([7.45, 1.97, 0]) hole(0.42, 1.93);  // -Y 1.065
}
