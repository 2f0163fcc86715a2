// cad-148-rodend: rod_end stock (turned edges), label -X
// features: -X hole; -X pocket; -X countersink; +X 4 holes; +X pocket; +X 6 holes
// removed mm^3: px=1557106.519 mx=4787704.413 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 4787704.413 >= 1.50 x 1557106.519 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-46.57, -90.48, 146.73], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	rod_z(147.26, 1465.57);
	face([0, 0, 1465.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-14.47, 73.03, 0]) hole(22.58, 703.56);  // -X 1117501.012
	face([0, 0, 1465.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-26.63, 4.45, 0]) pocket(92.97, 68.47, 0.00, 518.29);  // -X 3299255.796
	face([0, 0, 1465.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-14.99, -80.14, 0]) csink(24.06, 12.87, 11.20, 706.32);  // -X 370947.604
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-32.12, 48.25, 0]) { translate([-30.94, 0.00, 0]) hole(6.38, 258.63); translate([-10.31, 0.00, 0]) hole(6.38, 258.63); translate([10.31, 0.00, 0]) hole(6.38, 258.63); translate([30.94, 0.00, 0]) hole(6.38, 258.63); };  // +X 131183.483
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-25.62, -98.02, 0]) pocket(53.79, 37.62, 0.00, 352.60);  // +X 713514.237
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([20.61, -18.06, 0]) { translate([36.57, 0.00, 0]) hole(9.55, 417.90); translate([18.28, 31.67, 0]) hole(9.55, 417.90); translate([-18.28, 31.67, 0]) hole(9.55, 417.90); translate([-36.57, 0.00, 0]) hole(9.55, 417.90); translate([-18.28, -31.67, 0]) hole(9.55, 417.90); translate([18.28, -31.67, 0]) hole(9.55, 417.90); };  // +X 712408.798
}
