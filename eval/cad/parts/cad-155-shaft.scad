// cad-155-shaft: shaft stock (turned edges), label +X
// features: +X pocket in pocket; +X counterbore; -X pocket in pocket; -X pocket in pocket
// removed mm^3: px=114681.236 mx=1264.826 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 114681.236 >= 1.50 x 1264.826 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-79.45, 122.17, -32.99], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	shaft_z([[18.21, 91.35], [36.30, 81.23], [68.31, 108.12]]);
	face([0, 0, 280.70], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.43, -5.08, 0]) pocket2(53.27, 63.26, 4.69, 23.49, 20.14, 33.63, 4.46, 41.26, -8.18, 8.52);  // +X 105938.448
	face([0, 0, 280.70], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-29.32, -16.27, 0]) cbore(10.60, 16.23, 5.30, 50.79);  // +X 8742.788
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([7.39, -0.18, 0]) pocket2(5.48, 8.09, 0.64, 12.78, 2.74, 3.39, 0.75, 8.85, -0.14, -0.54);  // -X 639.884
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.04, 0.06, 0]) pocket2(7.54, 6.09, 1.77, 12.89, 3.27, 2.16, 0.46, 9.92, -0.73, -0.61);  // -X 624.943
}
