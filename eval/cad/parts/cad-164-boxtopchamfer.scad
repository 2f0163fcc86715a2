// cad-164-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +Z
// features: +Z pocket in pocket; +Z countersink through; +X countersink; -Y countersink; +X 6 holes
// removed mm^3: px=3422.970 mx=0.000 py=0.000 my=971.894 pz=87089.269 mz=0.000
// margin: label blind 81070.516 >= 1.50 x 6018.752 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-14.75, -238.04, 157.18], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box_topchamfer([141.83, 130.20, 95.17], 4.03);
	face([0, 0, 95.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([78.39, 59.15, 0]) pocket2(40.80, 70.09, 2.18, 23.42, 17.93, 40.87, 2.28, 19.49, -0.58, -6.23);  // +Z 81070.516
	face([0, 0, 95.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([112.25, 18.98, 0]) csink(9.29, 4.32, 4.97, 95.19);  // +Z 6018.752
	face([0, 130.20, 95.17], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([120.87, 34.69, 0]) csink(3.18, 1.92, 1.27, 24.93);  // +X 299.248
	face([141.83, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([99.91, 72.46, 0]) csink(5.25, 2.78, 2.47, 37.35);  // -Y 971.894
	face([0, 130.20, 95.17], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([64.54, 34.20, 0]) { translate([12.71, 0.00, 0]) hole(2.41, 28.65); translate([6.35, 11.00, 0]) hole(2.41, 28.65); translate([-6.35, 11.00, 0]) hole(2.41, 28.65); translate([-12.71, 0.00, 0]) hole(2.41, 28.65); translate([-6.35, -11.00, 0]) hole(2.41, 28.65); translate([6.35, -11.00, 0]) hole(2.41, 28.65); };  // +X 3123.722
}
