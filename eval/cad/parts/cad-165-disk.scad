// cad-165-disk: disk stock (turned edges), label -X
// features: -X countersink; -X rounded pocket; -X hole; +X circular pocket; +X hole; +X pocket
// removed mm^3: px=51477.566 mx=357413.216 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 357413.216 >= 1.50 x 51477.566 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-68.12, 78.64, -163.73], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	rod_z(138.64, 80.62);
	face([0, 0, 80.62], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-38.68, -4.30, 0]) csink(47.39, 25.15, 22.24, 34.94);  // -X 116968.673
	face([0, 0, 80.62], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([68.14, -8.75, 0]) pocket(58.02, 115.35, 10.73, 28.97);  // -X 190754.443
	face([0, 0, 80.62], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-28.00, 69.86, 0]) hole(19.54, 42.51);  // -X 49690.100
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-30.03, 6.27, 0]) hole(12.29, 15.16);  // +X 7010.236
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-5.77, 1.10, 0]) hole(3.85, 20.03);  // +X 908.933
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-19.49, -88.14, 0]) pocket(74.51, 31.43, 0.00, 18.60);  // +X 43558.397
}
