// cad-051-shaft: shaft stock (turned edges), label +Y
// features: +Y pocket in pocket; +Y pocket; +Y counterbore; +Y pocket; -Y countersink
// removed mm^3: px=0.000 mx=0.000 py=10450.862 my=28.102 pz=0.000 mz=0.000
// margin: label blind 10450.862 >= 1.50 x 28.102 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-6.64, -149.14, -261.35], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	shaft_z([[28.35, 26.84], [42.28, 28.76]]);
	face([0, 0, 55.60], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.07, -0.94, 0]) pocket2(14.23, 13.43, 2.51, 4.03, 7.63, 4.27, 1.10, 4.34, -0.18, -2.46);  // +Y 884.869
	face([0, 0, 55.60], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.21, 21.47, 0]) pocket(19.58, 23.16, 0.00, 9.78);  // +Y 4434.964
	face([0, 0, 55.60], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-21.97, -1.09, 0]) cbore(9.96, 2.53, 5.31, 14.60);  // +Y 1850.016
	face([0, 0, 55.60], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.38, -23.66, 0]) pocket(15.57, 22.98, 0.00, 9.17);  // +Y 3281.013
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-16.00, -15.80, 0]) csink(2.26, 1.12, 1.13, 5.62);  // -Y 28.102
}
