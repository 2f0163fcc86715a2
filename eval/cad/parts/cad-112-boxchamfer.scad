// cad-112-boxchamfer: box_chamfer stock (chamfer edges), label -Y
// features: -Y pocket in pocket; -Y counterbore through; -Z 6 holes; +X pocket in pocket; +Y countersink
// removed mm^3: px=1208.200 mx=0.000 py=627.798 my=64315.795 pz=0.000 mz=4369.215
// margin: label blind 57589.206 >= 1.50 x 7354.388 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-24.75, -2.59, -159.50], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box_chamfer([86.01, 119.71, 156.73], 4.99);
	face([0, 0, 156.73], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([49.95, 69.99, 0]) pocket2(34.40, 46.51, 5.34, 27.58, 14.57, 23.40, 0.16, 41.50, -4.13, -5.69);  // -Y 57589.206
	face([0, 0, 156.73], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([62.46, 22.10, 0]) cbore(5.91, 36.45, 2.70, 156.75);  // -Y 6726.590
	face([0, 119.71, 156.73], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([61.63, 129.87, 0]) { translate([-8.03, -13.52, 0]) hole(3.50, 19.00); translate([-8.03, 0.00, 0]) hole(3.50, 19.00); translate([-8.03, 13.52, 0]) hole(3.50, 19.00); translate([8.03, -13.52, 0]) hole(3.50, 19.00); translate([8.03, 0.00, 0]) hole(3.50, 19.00); translate([8.03, 13.52, 0]) hole(3.50, 19.00); };  // -Z 4369.215
	face([0, 0, 156.73], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([70.59, 109.14, 0]) pocket2(6.38, 15.15, 0.79, 10.76, 3.76, 5.29, 0.05, 8.75, -0.21, 2.81);  // +X 1208.200
	face([0, 119.71, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([60.58, 62.72, 0]) csink(4.41, 2.08, 2.34, 42.78);  // +Y 627.798
}
