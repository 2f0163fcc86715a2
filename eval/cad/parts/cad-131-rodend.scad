// cad-131-rodend: rod_end stock (turned edges), label +X
// features: +X slot; +X counterbore; +X pocket; +X counterbore; +X countersink; -X circular pocket; -X slot; -X slot
// removed mm^3: px=100657.075 mx=55356.621 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 100657.075 >= 1.50 x 55356.621 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([22.02, -112.01, -29.62], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	rod_z(40.64, 410.29);
	face([0, 0, 410.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-17.19, 2.57, 0]) slot(23.50, 3.45, 177.31);  // +X 35338.415
	face([0, 0, 410.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.58, -12.50, 0]) cbore(4.67, 71.94, 2.49, 252.88);  // +X 8399.117
	face([0, 0, 410.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.17, 5.75, 0]) pocket(24.08, 20.93, 0.00, 106.68);  // +X 53766.123
	face([0, 0, 410.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-10.56, -7.45, 0]) cbore(3.20, 17.39, 1.98, 62.27);  // +X 1105.058
	face([0, 0, 410.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.14, -26.50, 0]) csink(6.09, 3.09, 3.01, 64.86);  // +X 2048.362
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([16.84, -2.48, 0]) hole(8.95, 108.39);  // -X 27101.354
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-1.41, 11.65, 0]) slot(10.88, 2.03, 108.44);  // -X 6184.980
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-8.35, 3.41, 0]) slot(20.21, 3.71, 114.40);  // -X 22070.286
}
