// cad-007-rodend: rod_end stock (turned edges), label -Y
// features: -Y rounded pocket; +Z flat; +Y pocket in pocket; +Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=3281.302 my=31851.425 pz=4561.097 mz=0.000
// margin: label blind 31851.425 >= 1.50 x 4561.097 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([30.04, -22.34, -46.26], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	rod_z(27.57, 155.52);
	face([0, 0, 155.52], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.32, -0.32, 0]) pocket(27.78, 14.78, 6.62, 85.76);  // -Y 31851.425
	translate([-28.57, -28.57, 20.25]) cube([57.14, 7.53, 29.81]);  // +Z 4561.097
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([6.19, -18.02, 0]) pocket2(5.69, 10.33, 1.59, 14.02, 2.37, 5.90, 0.10, 20.55, 0.55, -1.25);  // +Y 1079.537
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([6.89, 11.67, 0]) pocket2(9.79, 14.97, 0.48, 10.80, 5.49, 6.82, 1.84, 18.05, 0.34, 1.45);  // +Y 2201.765
}
