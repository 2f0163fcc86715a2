// cad-111-boxchamfer: box_chamfer stock (chamfer edges), label -X
// features: -X pocket; -X pocket in pocket; -X hole through; -X pocket; +Y countersink; -Y rounded pocket; +Z hole
// removed mm^3: px=0.000 mx=74.660 py=1.515 my=3.005 pz=0.187 mz=0.000
// margin: label blind 71.360 >= 1.50 x 3.301 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-8.42, 110.02, 4.51], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	box_chamfer([6.43, 10.27, 15.80], 0.96);
	face([0, 0, 15.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.33, 5.34, 0]) pocket(1.91, 1.45, 0.00, 8.68);  // -X 24.039
	face([0, 0, 15.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.44, 8.00, 0]) pocket2(1.88, 1.97, 0.50, 4.11, 1.02, 0.87, 0.25, 4.34, -0.06, 0.00);  // -X 17.891
	face([0, 0, 15.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.95, 3.91, 0]) hole(0.26, 15.82);  // -X 3.301
	face([0, 0, 15.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.50, 3.19, 0]) pocket(1.59, 1.92, 0.00, 9.64);  // -X 29.429
	face([0, 10.27, 15.80], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([4.40, 12.77, 0]) csink(0.78, 0.37, 0.41, 2.96);  // +Y 1.515
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([3.12, 11.13, 0]) pocket(1.32, 1.48, 0.31, 1.61);  // -Y 3.005
	face([6.43, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.67, 5.23, 0]) hole(0.24, 1.05);  // +Z 0.187
}
