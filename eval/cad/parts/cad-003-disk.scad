// cad-003-disk: disk stock (turned edges), label +Y
// features: +Y slot; +Y hole; +Y 9 holes through; +Y circular pocket; -Z flat
// removed mm^3: px=0.000 mx=0.000 py=2494.341 my=0.000 pz=0.000 mz=210.860
// margin: label blind 1649.229 >= 1.50 x 845.112 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-46.41, -16.87, 113.27], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	rod_z(26.74, 17.04);
	face([0, 0, 17.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.53, 5.61, 0]) slot(14.34, 2.83, 7.48);  // +Y 793.736
	face([0, 0, 17.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-18.33, -4.01, 0]) hole(3.85, 7.65);  // +Y 353.250
	face([0, 0, 17.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.45, -7.05, 0]) { translate([-5.01, -5.91, 0]) hole(1.33, 17.06); translate([-5.01, 0.00, 0]) hole(1.33, 17.06); translate([-5.01, 5.91, 0]) hole(1.33, 17.06); translate([0.00, -5.91, 0]) hole(1.33, 17.06); translate([0.00, 0.00, 0]) hole(1.33, 17.06); translate([0.00, 5.91, 0]) hole(1.33, 17.06); translate([5.01, -5.91, 0]) hole(1.33, 17.06); translate([5.01, 0.00, 0]) hole(1.33, 17.06); translate([5.01, 5.91, 0]) hole(1.33, 17.06); };  // +Y 845.112
	face([0, 0, 17.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-3.12, -9.48, 0]) hole(5.12, 6.15);  // +Y 502.243
	translate([-27.74, -27.74, 2.74]) cube([3.87, 55.48, 4.80]);  // -Z 210.860
}
