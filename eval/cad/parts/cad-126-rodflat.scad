// cad-126-rodflat: rod_flat stock (turned edges), label -X
// features: -X flat; +Y 9 holes; +Y pocket; -Y pocket in pocket
// removed mm^3: px=0.000 mx=1070927.404 py=23347.673 my=63561.815 pz=0.000 mz=0.000
// margin: label blind 1070927.404 >= 1.50 x 63561.815 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([72.94, -0.42, 117.25], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	rod_x(70.76, 349.59);
	translate([-1.00, -71.76, 34.99]) cube([351.59, 143.52, 71.76]);  // -X 1070927.404
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([-29.69, 22.78, 0]) { translate([-6.75, -8.43, 0]) hole(1.94, 86.36); translate([-6.75, 0.00, 0]) hole(1.94, 86.36); translate([-6.75, 8.43, 0]) hole(1.94, 86.36); translate([0.00, -8.43, 0]) hole(1.94, 86.36); translate([0.00, 0.00, 0]) hole(1.94, 86.36); translate([0.00, 8.43, 0]) hole(1.94, 86.36); translate([6.75, -8.43, 0]) hole(1.94, 86.36); translate([6.75, 0.00, 0]) hole(1.94, 86.36); translate([6.75, 8.43, 0]) hole(1.94, 86.36); };  // +Y 9085.233
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([6.29, 5.46, 0]) pocket(14.61, 22.83, 0.00, 42.76);  // +Y 14262.440
	face([349.59, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-12.21, -21.40, 0]) pocket2(37.13, 29.55, 8.18, 56.72, 11.64, 10.95, 3.70, 40.99, 7.47, -3.72);  // -Y 63561.815
}
